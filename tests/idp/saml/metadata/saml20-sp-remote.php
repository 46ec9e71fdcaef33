<?php
/* The application as a service provider; the test writes its entity id, ACS
 * URL and certificate into IDP_DATA/sp.php. */
include getenv('IDP_DATA') . '/sp.php';
