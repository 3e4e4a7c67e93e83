/**
 * Mapping of a job_status index created by Jobcast's loaders (es-load, tests, benchmark), shaped like HySDS's
 * template: `@timestamp` is the one date (the scrape order), every other string is a keyword (status, payload_id,
 * type …), and no other string is guessed to be a date, so the odd timestamps HySDS writes (`…+00:00Z`) are kept
 * as text for the normalizer instead of failing the document; every number is a double.
 */
export const JOB_STATUS_INDEX_BODY = {
  settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' },
  mappings: {
    date_detection: false,
    dynamic_templates: [
      { strings_as_keywords: { match_mapping_type: 'string', mapping: { type: 'keyword', ignore_above: 1024 } } },
      // one numeric type whatever the first value looked like (113 or 95.2): no long/float conflicts between bulks
      { integers_as_doubles: { match_mapping_type: 'long', mapping: { type: 'double' } } },
      { decimals_as_doubles: { match_mapping_type: 'double', mapping: { type: 'double' } } },
    ],
    properties: {
      '@timestamp': { type: 'date' },
      payload_id: { type: 'keyword' },
      status: { type: 'keyword' },
      type: { type: 'keyword' },
      // job parameters are free-form; HySDS keeps them unindexed too
      job: { properties: { params: { type: 'object', enabled: false } } },
    },
  },
} as const;
