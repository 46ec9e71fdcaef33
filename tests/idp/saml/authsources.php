<?php
/* Test users: the password is "digid"; "nameid" becomes the NameID. The user
 * "annuleren" stands for a citizen who cancels at DigiD (the IdP then answers
 * with the status AuthnFailed, as DigiD does). */
$config = [
    'admin' => ['core:AdminPassword'],
    'digid-test' => [
        'exampleauth:UserPass',
        'burger:digid' => ['nameid' => ['s00000000:123456782'], 'uid' => ['burger']],
        'tweede:digid' => ['nameid' => ['s00000000:111222333'], 'uid' => ['tweede']],
        'annuleren:digid' => ['nameid' => ['s00000000:999999990'], 'uid' => ['annuleren']],
    ],
];
