<?php
/*
 * SimpleSAMLphp (Debian's 1.19) as a DigiD-like SAML identity provider for the
 * tests: artifact binding, an SQLite artifact store, NameID "s00000000:<BSN>".
 * Paths and the base URL come from the environment the test sets (IDP_DATA,
 * IDP_BASE_URL). Never for production.
 */
include '/usr/share/simplesamlphp/config/config.php';
$data = getenv('IDP_DATA');
$config = array_merge($config, [
    'baseurlpath' => getenv('IDP_BASE_URL') . '/',
    'certdir' => $data . '/',
    'loggingdir' => $data . '/',
    'datadir' => $data . '/',
    'tempdir' => $data . '/tmp',
    'metadatadir' => __DIR__ . '/metadata/',
    'secretsalt' => 'test-idp-zout',
    'auth.adminpassword' => 'test-idp-beheer',
    'technicalcontact_email' => 'test@example.nl',
    'timezone' => 'Europe/Amsterdam',
    'logging.handler' => 'file',
    'logging.logfile' => 'simplesamlphp.log',
    'logging.level' => SimpleSAML\Logger::INFO,
    'enable.saml20-idp' => true,
    'module.enable' => ['exampleauth' => true, 'core' => true, 'saml' => true],
    'session.cookie.secure' => false,
    'session.cookie.samesite' => null,
    'session.phpsession.savepath' => $data . '/tmp',
    'store.type' => 'sql',
    'store.sql.dsn' => 'sqlite:' . $data . '/store.sqlite3',
    'language.default' => 'nl',
]);
