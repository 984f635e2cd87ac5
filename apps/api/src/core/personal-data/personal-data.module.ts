// The personal-data core: the sealing key ring, the consent-aware reader, the record writer
// and the provision gate. Global, so every feature that touches a person (people, referrals)
// uses the same instances and none builds its own path to the data.
import { Global, Module } from '@nestjs/common';
import { PersonalDataCryptoModule } from './personal-data-crypto.module';
import { PersonalDataReader } from './person-reader';
import { PersonRecords } from './person-records';
import { PersonalDataProvision } from './provision';

@Global()
@Module({
  imports: [PersonalDataCryptoModule],
  providers: [PersonalDataReader, PersonRecords, PersonalDataProvision],
  exports: [PersonalDataReader, PersonRecords, PersonalDataProvision],
})
export class PersonalDataModule {}
