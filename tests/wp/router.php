<?php
// PHP built-in server router for Debian's WordPress package (tests only; tests/wp/setup_wordpress.sh).
// Debian's wp-config.php reads /etc/wordpress/config-$WORDPRESS_CONFIG.php: the setup names this WordPress's file
// in SEOAUDIT_WP_CONFIG (set here for every request, the ones the server runs itself included). /wp-content/*
// comes from this WordPress's content directory (SEOAUDIT_WP_CONTENT); existing files under /usr/share/wordpress
// are served as they are; everything else goes to index.php (pretty permalinks and /wp-json/).
$_SERVER['WORDPRESS_CONFIG'] = getenv('SEOAUDIT_WP_CONFIG');
$content = rtrim(getenv('SEOAUDIT_WP_CONTENT') ?: '/var/lib/wordpress/wp-content', '/');
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if (strpos($path, '/wp-content/') === 0) {
    $file = realpath($content . substr($path, strlen('/wp-content')));
    $roots = [realpath($content) . '/', '/usr/share/wordpress/wp-content/'];  // themes are symlinked there
    $inside = $file !== false && count(array_filter($roots, fn ($root) => strpos($file, $root) === 0)) > 0;
    if ($inside && is_file($file)) {
        if (substr($file, -4) === '.php') {
            chdir(dirname($file));
            require $file;
            return true;
        }
        $types = ['css' => 'text/css', 'js' => 'application/javascript', 'png' => 'image/png',
                  'jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg', 'gif' => 'image/gif', 'svg' => 'image/svg+xml',
                  'webp' => 'image/webp'];
        $ext = strtolower(pathinfo($file, PATHINFO_EXTENSION));
        header('Content-Type: ' . ($types[$ext] ?? 'application/octet-stream'));
        readfile($file);
        return true;
    }
    http_response_code(404);
    return true;
}
$file = $_SERVER['DOCUMENT_ROOT'] . $path;
if ($path !== '/' && is_file($file)) {
    return false;  // the built-in server serves it (or runs it, for .php)
}
if ($path !== '/' && is_dir($file) && is_file(rtrim($file, '/') . '/index.php')) {
    chdir($file);
    require rtrim($file, '/') . '/index.php';
    return true;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
