import { IsOptional, IsString, MinLength } from 'class-validator';
import { IsHttpUrl } from '../../src/connector-sdk';

/**
 * A Moodle instance's settings (the `config:` block in hub.yaml). The webhook token itself is
 * not here: it is the instance's `secrets:` list (several during a rotation).
 */
export class MoodleConfig {
  /** The Moodle site's root URL, as learners open it (`https://moodle.acme.example`): actor homePage and activity ids. */
  @IsHttpUrl()
  @IsString()
  baseUrl!: string;

  /**
   * Optional token of a Moodle web service user (Site administration → Server → Web services → Manage tokens).
   * With it the hub looks up a module's type (for its canonical /mod/<type>/view.php id) and a quiz attempt's grade.
   */
  @IsOptional()
  @MinLength(8)
  @IsString()
  webServiceToken?: string;
}
