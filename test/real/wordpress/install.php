<?php
// Installs the site (test/real/wordpress.cjs runs it once): the admin (who makes an Application
// Password for n8n), the user the suite resets, pretty permalinks. Prints the Application Password.
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = getenv('WP_HOST');
require __DIR__ . '/site/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Password Reset test', 'help-desk', 'help-desk@example.com', true, '', getenv('ADMIN_PASSWORD'));
wp_create_user('ada', getenv('SEED_PASSWORD'), getenv('SEED_EMAIL'));
update_option('permalink_structure', '/%postname%/');
[$password] = WP_Application_Passwords::create_new_application_password(1, ['name' => 'n8n help desk']);
echo $password;
