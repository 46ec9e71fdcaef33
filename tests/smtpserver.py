"""A real SMTP server for the outbox tests: aiosmtpd on 127.0.0.1, own process.

``python -m tests.smtpserver MAP`` listens on a free port, writes it to
``MAP/poort`` and then behaves as ``MAP/modus`` says, read per command:

- ``aannemen``: accept and append the message to ``MAP/ontvangen.jsonl``;
- ``weigeren``: answer ``451`` (temporarily unavailable) to every recipient;
- ``blijvend``: answer ``550`` (no such mailbox) to every recipient;
- ``vasthouden``: take the data, write its Message-ID to ``MAP/vastgehouden``
  and never answer, until the client goes away (then nothing is delivered);
- ``aannemen_zonder_antwoord``: deliver the message, then never answer: from the
  sender's side the same as dying between the server's "250" and recording it.
"""

import asyncio
import json
import sys
from email import message_from_bytes
from pathlib import Path

from aiosmtpd.smtp import SMTP


class Handler:
    def __init__(self, map_: Path):
        self.map = map_

    def modus(self) -> str:
        bestand = self.map / "modus"
        return bestand.read_text().strip() if bestand.exists() else "aannemen"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        modus = self.modus()
        if modus == "weigeren":
            return "451 4.3.2 Tijdelijk niet beschikbaar (test)"
        if modus == "blijvend":
            return "550 5.1.1 Onbekende ontvanger (test)"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    def afleveren(self, envelope) -> str:
        bericht = message_from_bytes(envelope.content)
        regel = {
            "message_id": bericht["Message-ID"],
            "aan": envelope.rcpt_tos,
            "onderwerp": str(bericht["Subject"]),
        }
        with (self.map / "ontvangen.jsonl").open("a") as uit:
            uit.write(json.dumps(regel) + "\n")
        return regel["message_id"]

    async def handle_DATA(self, server, session, envelope):
        modus = self.modus()
        if modus == "vasthouden":
            bericht = message_from_bytes(envelope.content)
            (self.map / "vastgehouden").write_text(str(bericht["Message-ID"]))
            await asyncio.Event().wait()  # cancelled when the client disconnects
        if modus == "aannemen_zonder_antwoord":
            (self.map / "vastgehouden").write_text(self.afleveren(envelope))
            await asyncio.Event().wait()
        message_id = self.afleveren(envelope)
        return f"250 2.0.0 Aangenomen {message_id}"


async def main(map_: Path) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(Handler(map_), hostname="smtp.test"), "127.0.0.1", 0
    )
    poort = server.sockets[0].getsockname()[1]
    (map_ / "poort.tmp").write_text(str(poort))
    (map_ / "poort.tmp").rename(map_ / "poort")
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
