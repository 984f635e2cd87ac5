// The current time, injectable so tests can ask "open now?" or "is this consent still valid?" at a chosen moment.
import { Injectable } from '@nestjs/common';

@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
