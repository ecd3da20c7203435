<?php
/*
 * Plugin Name: seoaudit tests
 * Description: What the live WordPress tests need and core lacks: a post meta `seoaudit_redirect` (writable over
 * REST) whose value the post's permalink redirects to with a 301, as a redirection plugin or a hacked site does.
 * Loaded only by the test WordPress that tests/wp/setup_wordpress.sh brings up.
 */
add_action('init', function () {
    register_post_meta('post', 'seoaudit_redirect', [
        'type' => 'string',
        'single' => true,
        'show_in_rest' => true,
        'auth_callback' => function () { return current_user_can('edit_posts'); },
    ]);
});
add_action('template_redirect', function () {
    if (!is_singular()) {
        return;
    }
    $target = get_post_meta(get_queried_object_id(), 'seoaudit_redirect', true);
    if ($target) {
        wp_redirect($target, 301);  // not wp_safe_redirect: the point is another host
        exit;
    }
});
