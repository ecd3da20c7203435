"""Rules of the `sitemap` category: sitemap files read offline (a built site's sitemap.xml beside its pages)."""
