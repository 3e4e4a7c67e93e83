/** Injection token of the scraper's `ScrapeSettings`. */
export const SCRAPE_SETTINGS = 'jobcast.scraper.ScrapeSettings';
