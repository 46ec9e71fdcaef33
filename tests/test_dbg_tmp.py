import re
from tests.test_views_provincie import *
def test_dbg(client, in_kwalificatie, behandelaar):
    ingelogd(client, behandelaar)
    data = _kwalificatie_post(in_kwalificatie, om_niet="ja")
    r = client.post(url("kwalificatie", in_kwalificatie), data)
    html = r.content.decode()
    print(r.status_code, re.findall(r'class="foutoverzicht.*?</div>', html, re.S), re.findall(r'melding--\w+"[^>]*>[^<]*', html))
