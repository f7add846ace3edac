import { ArrayUnique, IsObject, IsOptional, IsString, IsTimeZone, Matches } from 'class-validator';
import { IsTextList } from '../../src/connector-sdk';

/** A BambooHR instance's settings. The webhook's private key is the instance's `secrets:` list. */
export class BambooHrConfig {
  /** The company subdomain (`acme` for https://acme.bamboohr.com): the actor's account homePage and activity ids. */
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'must be the BambooHR subdomain, e.g. "acme" for https://acme.bamboohr.com' })
  @IsString()
  companyDomain!: string;

  /** IANA zone the company's date-only values (a training's completion date) are in. */
  @IsTimeZone()
  timeZone = 'UTC';

  /** Training categories that are sessions someone attends (→ `attended`); any other completed training → `completed`. Case-insensitive. */
  @ArrayUnique()
  @IsTextList()
  attendedCategories: string[] = ['Instructor-led', 'Session', 'Workshop', 'Webinar', 'Classroom'];

  /**
   * Field names as the webhook posts them, where they differ from the defaults (see README):
   * `{ "trainingCompleted": "Date completed" }`. Keys are the connector's field names.
   */
  @IsOptional()
  @IsObject()
  fieldNames?: Record<string, string>;
}
