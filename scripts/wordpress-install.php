<?php
/**
 * Installs WordPress (for scripts/test-wordpress.sh), activates the plugin, sets it up to load the bundle and the
 * feed from the CDN origin, and saves the test posts as an Author, through KSES as the editor would.
 * Prints the posts' URLs and saved contents as JSON.
 */
$port = getenv( 'RA_WP_PORT' );
$cdn  = getenv( 'RA_CDN' );
$_SERVER['HTTP_HOST']        = "127.0.0.1:$port";
$_SERVER['SERVER_NAME']      = '127.0.0.1';
$_SERVER['REQUEST_URI']      = '/';
$_SERVER['WORDPRESS_CONFIG'] = getenv( 'WORDPRESS_CONFIG' );
define( 'WP_INSTALLING', true );

require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$admin_password = wp_generate_password( 24, false );
wp_install( 'Partenaire du réseau', 'admin', 'admin@example.org', false, '', $admin_password, 'fr_FR' );
update_option( 'blogdescription', 'Un site partenaire' );

$activated = activate_plugin( 'ra-widgets/ra-widgets.php' );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, $activated->get_error_message() . "\n" );
	exit( 1 );
}
update_option( 'ra_widgets_script_url', "$cdn/ra-widgets.js" );
update_option( 'ra_widgets_default_feed', "$cdn/data/feed.json" );
update_option( 'ra_widgets_fallback_url', 'https://reseau-alliances.example/agenda' );

$author = wp_insert_user(
	array(
		'user_login' => 'autrice',
		'user_pass'  => wp_generate_password( 24 ),
		'user_email' => 'autrice@example.org',
		'role'       => 'author',
	)
);
wp_set_current_user( $author );
kses_init();
if ( current_user_can( 'unfiltered_html' ) ) {
	fwrite( STDERR, "the Author can post unfiltered HTML: KSES would not be tested\n" );
	exit( 1 );
}

$now   = '2020-03-16T09:00:00+01:00';
$posts = array(
	'shortcode' => array(
		'title'   => "L'agenda du réseau (shortcode)",
		'content' => "<!-- wp:paragraph --><p>Les prochains rendez-vous du réseau :</p><!-- /wp:paragraph -->\n"
			. "<!-- wp:shortcode -->[ra_agenda now=\"$now\" limit=\"4\"]<!-- /wp:shortcode -->\n"
			. "<!-- wp:paragraph --><p>Membre du réseau :</p><!-- /wp:paragraph -->\n"
			. "<!-- wp:shortcode -->[ra_member_badge member=\"etika-spirulina\"]<!-- /wp:shortcode -->",
	),
	'markup'    => array(
		'title'   => "L'agenda du réseau (balisage collé)",
		'content' => "<!-- wp:html --><div data-ra-widget=\"agenda\" data-feed=\"$cdn/data/feed.json\" data-category=\"atelier,club\" data-now=\"$now\">"
			. "<a href=\"https://reseau-alliances.example/agenda\">Voir l'agenda du réseau</a></div><!-- /wp:html -->",
	),
	'element'   => array(
		'title'   => "L'agenda du réseau (balise collée)",
		'content' => "<!-- wp:html --><script src=\"$cdn/ra-widgets.js\"></script><ra-agenda feed=\"$cdn/data/feed.json\" now=\"$now\">"
			. "<a href=\"https://reseau-alliances.example/agenda\">Voir l'agenda du réseau</a></ra-agenda><!-- /wp:html -->",
	),
);

// The plugin's KSES allowance: the network's feed host only (here the CDN's loopback host).
$posts['allowed'] = array(
	'title'   => "L'agenda du réseau (balise du flux du réseau)",
	'content' => "<!-- wp:html --><ra-agenda feed=\"$cdn/data/feed.json\" now=\"$now\" limit=\"2\"><a href=\"https://reseau-alliances.example/agenda\">Voir l'agenda du réseau</a></ra-agenda>"
		. "<ra-agenda feed=\"https://feeds.elsewhere.example/feed.json\"><a href=\"https://elsewhere.example/\">Ailleurs</a></ra-agenda><!-- /wp:html -->",
);

$result = array();
foreach ( $posts as $key => $post ) {
	update_option( 'ra_widgets_kses_hosts', 'allowed' === $key ? wp_parse_url( $cdn, PHP_URL_HOST ) : '' );
	$id = wp_insert_post(
		array(
			'post_title'   => $post['title'],
			'post_content' => $post['content'],
			'post_status'  => 'publish',
			'post_author'  => $author,
		),
		true
	);
	if ( is_wp_error( $id ) ) {
		fwrite( STDERR, $id->get_error_message() . "\n" );
		exit( 1 );
	}
	$result[ $key ] = array(
		'url'     => get_permalink( $id ),
		'saved'   => get_post_field( 'post_content', $id, 'raw' ),
	);
}
// The administrator, for the settings page's test (a throwaway site on loopback).
$result['admin'] = array(
	'user'     => 'admin',
	'password' => $admin_password,
);
echo wp_json_encode( $result, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) . "\n";
