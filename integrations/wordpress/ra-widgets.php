<?php
/**
 * Plugin Name:       Réseau Alliances Widgets
 * Description:       The network's live agenda, event cards, registration forms and member badges in posts and pages: shortcodes, a block, and the markup Authors may paste.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Réseau Alliances
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       ra-widgets
 *
 * @package RaWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * The widgets, by shortcode: their element, and the attributes a shortcode passes on (the element's own).
 *
 * @return array<string, array{tag: string, attributes: string[], fallback: string}>
 */
function ra_widgets_catalogue() {
	$common = array( 'id', 'lang', 'theme', 'now' );
	return array(
		'ra_agenda'            => array(
			'tag'        => 'ra-agenda',
			'attributes' => array_merge( $common, array( 'feed', 'category', 'programme', 'audience', 'mode', 'from', 'to', 'limit', 'layout', 'view', 'filters', 'url-state', 'heading-level', 'no-jsonld' ) ),
			'fallback'   => __( "Voir l'agenda du réseau", 'ra-widgets' ),
		),
		'ra_event_card'        => array(
			'tag'        => 'ra-event-card',
			'attributes' => array_merge( $common, array( 'feed', 'event-id', 'layout', 'heading-level', 'no-jsonld' ) ),
			'fallback'   => __( "Voir l'événement", 'ra-widgets' ),
		),
		'ra_registration_form' => array(
			'tag'        => 'ra-registration-form',
			'attributes' => array_merge( $common, array( 'feed', 'event-id', 'action', 'privacy-policy', 'members-feed' ) ),
			'fallback'   => __( "S'inscrire sur le site du réseau", 'ra-widgets' ),
		),
		'ra_member_badge'      => array(
			'tag'        => 'ra-member-badge',
			'attributes' => array( 'id', 'lang', 'theme', 'feed', 'member', 'variant', 'size' ),
			'fallback'   => __( 'Membre du Réseau Alliances', 'ra-widgets' ),
		),
	);
}

/** Settings, with their defaults. */
function ra_widgets_option( $name ) {
	$defaults = array(
		'ra_widgets_script_url'   => 'https://cdn.jsdelivr.net/npm/ra-widgets/dist/cdn/ra-widgets.js',
		'ra_widgets_default_feed' => '',
		'ra_widgets_fallback_url' => '',
		'ra_widgets_kses_hosts'   => '',
	);
	return get_option( $name, $defaults[ $name ] );
}

/**
 * Loads the widgets' script once, on every front-end page, as a module: deferred, fetched with CORS from the CDN,
 * and it imports its chunks from its own URL. It loads nothing more on a page without a widget.
 */
function ra_widgets_enqueue() {
	$url = ra_widgets_option( 'ra_widgets_script_url' );
	if ( $url ) {
		wp_enqueue_script( 'ra-widgets', esc_url_raw( $url ), array(), null, true );
		// Each widget's place is held until the script defines it, so that nothing below it moves when it appears
		// (Cumulative Layout Shift); an Author cannot add this CSS. The file is the README's rules, printed inline in
		// <head>: no request more for visitors.
		wp_register_style( 'ra-widgets', false, array(), null );
		wp_enqueue_style( 'ra-widgets' );
		wp_add_inline_style( 'ra-widgets', file_get_contents( __DIR__ . '/ra-widgets-reserve.css' ) );
	}
}
add_action( 'wp_enqueue_scripts', 'ra_widgets_enqueue' );

/** WordPress 6.1 prints classic scripts: the widgets' becomes a module. */
function ra_widgets_script_tag( $tag, $handle, $src ) {
	if ( 'ra-widgets' !== $handle ) {
		return $tag;
	}
	return sprintf( '<script type="module" src="%s" id="ra-widgets-js"></script>' . "\n", esc_url( $src ) );
}
add_filter( 'script_loader_tag', 'ra_widgets_script_tag', 10, 3 );

/**
 * The markup of a widget: its element with the given attributes (empty ones left out) and a fallback link inside,
 * shown until the script runs and when it cannot.
 *
 * @param string               $shortcode A key of `ra_widgets_catalogue()`.
 * @param array<string,string> $values    Attribute values, by the element's attribute names.
 */
function ra_widgets_markup( $shortcode, $values ) {
	$widget = ra_widgets_catalogue()[ $shortcode ];
	if ( in_array( 'feed', $widget['attributes'], true ) && empty( $values['feed'] ) ) {
		$values['feed'] = ra_widgets_option( 'ra_widgets_default_feed' );
	}
	$attributes = '';
	foreach ( $widget['attributes'] as $name ) {
		if ( isset( $values[ $name ] ) && '' !== (string) $values[ $name ] ) {
			$attributes .= sprintf( ' %s="%s"', $name, esc_attr( $values[ $name ] ) );
		}
	}
	$fallback_url = ! empty( $values['fallback-url'] ) ? $values['fallback-url'] : ra_widgets_option( 'ra_widgets_fallback_url' );
	$fallback     = $fallback_url
		? sprintf( '<a href="%s">%s</a>', esc_url( $fallback_url ), esc_html( $widget['fallback'] ) )
		: esc_html( $widget['fallback'] );
	return sprintf( '<%1$s%2$s>%3$s</%1$s>', $widget['tag'], $attributes, $fallback );
}

/** `[ra_agenda feed="…" category="…"]` and the others: shortcode attributes use `_` where elements use `-`. */
function ra_widgets_shortcode( $atts, $content, $shortcode ) {
	$values = array();
	foreach ( (array) $atts as $name => $value ) {
		$values[ str_replace( '_', '-', strtolower( (string) $name ) ) ] = $value;
	}
	return ra_widgets_markup( $shortcode, $values );
}

function ra_widgets_register_shortcodes() {
	foreach ( array_keys( ra_widgets_catalogue() ) as $shortcode ) {
		add_shortcode( $shortcode, 'ra_widgets_shortcode' );
	}
}
add_action( 'init', 'ra_widgets_register_shortcodes' );

/** The "Agenda du réseau" block: dynamic, rendered by the same code as the shortcode. */
function ra_widgets_register_block() {
	wp_register_script(
		'ra-widgets-block-editor',
		plugins_url( 'block/editor.js', __FILE__ ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
		'0.1.0',
		true
	);
	register_block_type(
		__DIR__ . '/block',
		array(
			'render_callback' => function ( $attributes ) {
				return ra_widgets_markup(
					'ra_agenda',
					array(
						'feed'     => $attributes['feed'] ?? '',
						'category' => $attributes['category'] ?? '',
						'limit'    => isset( $attributes['limit'] ) ? (string) $attributes['limit'] : '',
						'layout'   => $attributes['layout'] ?? '',
					)
				);
			},
		)
	);
}
add_action( 'init', 'ra_widgets_register_block' );

/** The hosts whose feeds an Author's `<ra-…>` tags may read, from the settings; none by default. */
function ra_widgets_kses_hosts() {
	$hosts = preg_split( '/[\s,]+/', strtolower( (string) ra_widgets_option( 'ra_widgets_kses_hosts' ) ), -1, PREG_SPLIT_NO_EMPTY );
	return array_values( array_filter( $hosts ) );
}

/** True when every feed URL among `$attributes` (as `wp_kses_hair` reads them) is on an allowed host, over https or http. */
function ra_widgets_feeds_allowed( $attributes, $hosts ) {
	foreach ( array( 'feed', 'members-feed' ) as $name ) {
		if ( ! isset( $attributes[ $name ] ) ) {
			continue;
		}
		$url  = $attributes[ $name ]['value'];
		$host = strtolower( (string) wp_parse_url( $url, PHP_URL_HOST ) );
		$scheme = strtolower( (string) wp_parse_url( $url, PHP_URL_SCHEME ) );
		if ( ! in_array( $host, $hosts, true ) || ! in_array( $scheme, array( 'https', 'http' ), true ) ) {
			return false;
		}
	}
	return true;
}

/**
 * With feed hosts in the settings, KSES keeps the widgets' tags and their own attributes for users without
 * `unfiltered_html`, and removes every tag whose feed is elsewhere (and every tag without a feed, which would read
 * the page's origin).
 */
function ra_widgets_kses_allowed_html( $allowed, $context ) {
	if ( 'post' !== $context || ! ra_widgets_kses_hosts() ) {
		return $allowed;
	}
	foreach ( ra_widgets_catalogue() as $widget ) {
		$allowed[ $widget['tag'] ] = array_fill_keys( $widget['attributes'], true );
	}
	return $allowed;
}
add_filter( 'wp_kses_allowed_html', 'ra_widgets_kses_allowed_html', 10, 2 );

function ra_widgets_pre_kses( $content, $allowed_html, $allowed_protocols ) {
	$hosts = ra_widgets_kses_hosts();
	if ( ! $hosts || ! is_string( $content ) || false === stripos( $content, '<ra-' ) ) {
		return $content;
	}
	$tags = implode( '|', array_map( 'preg_quote', array_column( ra_widgets_catalogue(), 'tag' ) ) );
	// Each opening tag on its own (closed or not): a refused one goes, its content (the fallback link) stays, as
	// KSES would leave it; a stray closing tag is harmless.
	return preg_replace_callback(
		'#<(' . $tags . ')\b([^>]*)>#i',
		function ( $match ) use ( $hosts ) {
			$attributes = wp_kses_hair( $match[2], array( 'http', 'https' ) );
			return isset( $attributes['feed'] ) && ra_widgets_feeds_allowed( $attributes, $hosts ) ? $match[0] : '';
		},
		$content
	);
}
add_filter( 'pre_kses', 'ra_widgets_pre_kses', 10, 3 );

/** Settings › Réseau Alliances. */
function ra_widgets_settings_init() {
	$fields = array(
		'ra_widgets_script_url'   => array( __( 'Script URL (ra-widgets.js)', 'ra-widgets' ), 'esc_url_raw' ),
		'ra_widgets_default_feed' => array( __( 'Default feed URL', 'ra-widgets' ), 'esc_url_raw' ),
		'ra_widgets_fallback_url' => array( __( 'Fallback link (the network agenda page)', 'ra-widgets' ), 'esc_url_raw' ),
		'ra_widgets_kses_hosts'   => array( __( 'Feed hosts whose <ra-…> tags Authors may paste (comma-separated; empty: none)', 'ra-widgets' ), 'sanitize_text_field' ),
	);
	add_settings_section( 'ra_widgets_main', '', '__return_false', 'ra-widgets' );
	foreach ( $fields as $name => list( $label, $sanitize ) ) {
		register_setting( 'ra_widgets', $name, array( 'sanitize_callback' => $sanitize ) );
		add_settings_field(
			$name,
			esc_html( $label ),
			function () use ( $name ) {
				printf(
					'<input type="%1$s" class="regular-text" id="%2$s" name="%2$s" value="%3$s">',
					'ra_widgets_kses_hosts' === $name ? 'text' : 'url',
					esc_attr( $name ),
					esc_attr( ra_widgets_option( $name ) )
				);
			},
			'ra-widgets',
			'ra_widgets_main',
			array( 'label_for' => $name )
		);
	}
}
add_action( 'admin_init', 'ra_widgets_settings_init' );

function ra_widgets_settings_menu() {
	add_options_page(
		__( 'Réseau Alliances widgets', 'ra-widgets' ),
		__( 'Réseau Alliances', 'ra-widgets' ),
		'manage_options',
		'ra-widgets',
		function () {
			echo '<div class="wrap"><h1>' . esc_html__( 'Réseau Alliances widgets', 'ra-widgets' ) . '</h1><form method="post" action="options.php">';
			settings_fields( 'ra_widgets' );
			do_settings_sections( 'ra-widgets' );
			submit_button();
			echo '</form></div>';
		}
	);
}
add_action( 'admin_menu', 'ra_widgets_settings_menu' );
