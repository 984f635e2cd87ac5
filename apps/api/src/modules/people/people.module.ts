import { Module } from '@nestjs/common';
import { ConsentsService } from './consents.service';
import { KeptRecordsService } from './kept-records.service';
import { PeopleResolver } from './people.resolver';
import { PeopleService } from './people.service';

@Module({
  providers: [PeopleService, ConsentsService, KeptRecordsService, PeopleResolver],
  exports: [PeopleService],
})
export class PeopleModule {}
