// Every migration, in order. The API bundles this list (it runs pending migrations at start),
// so a new migration file must be added here as well.
import { CreateFoundation1764201600000 } from './1764201600000-create-foundation';

export const migrations = [CreateFoundation1764201600000];
