// One Clock for the whole API, so a test that moves time (app.get(Clock)) moves it for every
// feature at once: directory "open now", consent validity, referral deadlines.
import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class TimeModule {}
