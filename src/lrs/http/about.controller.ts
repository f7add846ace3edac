import { Controller, Get, UseGuards } from '@nestjs/common';
import { XapiGuard } from './xapi.guard';

/**
 * Every version this LRS accepts: any 1.0.x is served by the 1.0.3 rules (xAPI 1.0.3
 * Communication §3.3: an LRS MUST accept all 1.0.x requests) and 2.0.0 by IEEE 9274.1.1.
 */
export const ABOUT_VERSIONS = ['1.0.0', '1.0.1', '1.0.2', '1.0.3', '2.0.0'];

export interface About {
  version: string[];
  extensions: Record<string, unknown>;
}

/** The About resource: GET /xapi/about (xAPI 1.0.3 Communication §2.8), open without credentials. */
@Controller('xapi/about')
@UseGuards(XapiGuard)
export class AboutController {
  @Get()
  get(): About {
    return { version: ABOUT_VERSIONS, extensions: {} };
  }
}
