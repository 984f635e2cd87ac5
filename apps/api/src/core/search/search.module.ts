// Search by reading, shared by the directory, the grants and the training catalogue: the job that
// fills in missing readings (each feature registers its table) and the analyser, warmed up once
// the application has started so the first save does not wait for the dictionary.
import { Global, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { readingAnalyser } from './japanese-reading';
import { SearchReadings } from './search-readings';

@Global()
@Module({ providers: [SearchReadings], exports: [SearchReadings] })
export class SearchModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(SearchModule.name);

  onApplicationBootstrap(): void {
    // Not awaited: startup does not wait for the dictionary; a save before it is loaded waits for it.
    readingAnalyser().catch((error: unknown) => this.logger.error({ err: error }, 'The reading analyser could not load; it is tried again on the next save'));
  }
}
