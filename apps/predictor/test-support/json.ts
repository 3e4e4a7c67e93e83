/** A response body as JSON, typed loosely for assertions. */
export const json = (response: Response): Promise<any> => response.json() as Promise<any>;
