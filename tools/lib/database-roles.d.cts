import type { Client } from 'pg';

export declare const APP_ROLE: 'tsunagu_app';
export declare const OWNER_ROLE: 'tsunagu_owner';
export declare function localCredentials(dir: string): { ownerPassword: string; appPassword: string };
export declare function prepareDatabase(
  superuserUrl: string,
  options: { database: string; ownerPassword: string; appPassword: string; template?: string },
): Promise<{ ownerUrl: string; appUrl: string }>;
export declare function dropDatabase(superuserUrl: string, database: string): Promise<void>;
export declare function withDatabase(url: string, database: string): string;
export declare function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T>;
export declare function readOrCreateSecret(file: string, bytes?: number): string;
