// Makes one FieldCipher, built from the configured key ring, injectable everywhere: features
// seal and open special-care personal data with it and never handle keys themselves.
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { FieldCipher } from './field-cipher';

@Global()
@Module({
  providers: [
    {
      provide: FieldCipher,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new FieldCipher(config.personalData.keyRing),
    },
  ],
  exports: [FieldCipher],
})
export class PersonalDataCryptoModule {}
