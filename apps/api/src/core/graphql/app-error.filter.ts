// Expected errors (AppError: bad input, forbidden, not found…) go straight to the client with
// their code. Without this filter Nest's default handler would log each of them as a server
// error; real failures still reach formatError, which logs them.
import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { AppError } from './app-error';

@Catch(AppError)
export class AppErrorFilter implements GqlExceptionFilter {
  catch(error: AppError): AppError {
    return error;
  }
}
