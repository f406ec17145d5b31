<?php
// `php -S`'s router, as Apache's rewrite rules in WordPress's .htaccess: a file that exists is
// served as it is, anything else goes to index.php (pretty permalinks, the REST API's /wp-json/).
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($path !== '/' && is_file(__DIR__ . '/site' . $path)) {
	return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
require __DIR__ . '/site/index.php';
