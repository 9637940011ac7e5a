// Where the official nginx image keeps its configuration (the texts are the image's files, images/files/):
// nginx -t/-T print them from the container's filesystem and the server reads its document root from there.

export const NGINX_CONF_PATH = '/etc/nginx/nginx.conf'
export const NGINX_DEFAULT_CONF_PATH = '/etc/nginx/conf.d/default.conf'
export const NGINX_HTML_ROOT = '/usr/share/nginx/html'

/**
 * The md5 (hex) of default.conf as packaged, which 10-listen-on-ipv6-by-default.sh checks the file against
 * (the script reads it from dpkg's nginx.md5sums) before it dares to edit it.
 */
export const NGINX_DEFAULT_CONF_MD5 = '25c02145e4a2e1d2bc6da5d585cddd32'
