<?php
/* Test users: the password is "digid"; "nameid" becomes the NameID and
 * "niveau" the AuthnContextClassRef of the assertion (DigiD's level of
 * assurance; without it SimpleSAMLphp says "Password", which is no DigiD
 * level). The user "annuleren" stands for a citizen who cancels at DigiD (the
 * IdP then answers with the status AuthnFailed, as DigiD does). */
$midden = 'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract';
$config = [
    'admin' => ['core:AdminPassword'],
    'digid-test' => [
        'exampleauth:UserPass',
        'burger:digid' => ['nameid' => ['s00000000:123456782'], 'uid' => ['burger'], 'niveau' => [$midden]],
        'tweede:digid' => ['nameid' => ['s00000000:111222333'], 'uid' => ['tweede'], 'niveau' => [$midden]],
        'annuleren:digid' => ['nameid' => ['s00000000:999999990'], 'uid' => ['annuleren']],
        // DigiD Basis: user name and password only.
        'basis:digid' => ['nameid' => ['s00000000:100000009'], 'uid' => ['basis'],
            'niveau' => ['urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport']],
        // DigiD Hoog.
        'hoog:digid' => ['nameid' => ['s00000000:100000010'], 'uid' => ['hoog'],
            'niveau' => ['urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI']],
        // No DigiD level in the assertion.
        'zonder:digid' => ['nameid' => ['s00000000:100000022'], 'uid' => ['zonder']],
    ],
];
