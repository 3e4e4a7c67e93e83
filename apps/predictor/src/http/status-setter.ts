/** What a controller needs of the platform's response to set its status: Fastify's reply and Express's response both have it. */
export interface StatusSetter {
  status(code: number): unknown;
}
