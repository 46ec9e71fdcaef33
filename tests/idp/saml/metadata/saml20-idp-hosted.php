<?php
$metadata['__DYNAMIC:1__'] = [
    'host' => '__DEFAULT__',
    'privatekey' => 'idp.key',
    'certificate' => 'idp.crt',
    'auth' => 'digid-test',
    'saml20.sendartifact' => true,
    'saml20.sign.assertion' => true,
    'SingleSignOnServiceBinding' => [
        'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
        'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
    ],
    'NameIDFormat' => 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    'authproc' => [
        10 => [
            'class' => 'core:PHP',
            // The IdP's own error route (as for a failed log-in): an error
            // Response with status AuthnFailed, sent to the SP by artifact.
            'code' => 'if ($attributes["uid"][0] === "annuleren") {
                \SimpleSAML\Auth\State::throwException($state, new \SimpleSAML\Module\saml\Error(
                    \SAML2\Constants::STATUS_RESPONDER,
                    \SAML2\Constants::STATUS_AUTHN_FAILED,
                    "Geannuleerd door de gebruiker"
                ));
            }',
        ],
        // The user's level of assurance becomes the assertion's
        // AuthnContextClassRef, as DigiD's does (saml20 IdP reads it from the
        // state); it is not sent as an attribute.
        15 => [
            'class' => 'core:PHP',
            'code' => 'if (isset($attributes["niveau"])) {
                $state["saml:AuthnContextClassRef"] = $attributes["niveau"][0];
                unset($attributes["niveau"]);
            }',
        ],
        20 => [
            'class' => 'saml:AttributeNameID',
            'attribute' => 'nameid',
            'Format' => 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
        ],
    ],
];
