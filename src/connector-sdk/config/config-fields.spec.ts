import { plainToInstance } from 'class-transformer';
import { IsArray, IsInt, IsString, IsUrl, Max, Min, MinLength, validateSync } from 'class-validator';
import { HTTP_URL_OPTIONS, IsHttpUrl, IsIntBetween, IsNonEmptyText, IsTextList } from './config-fields';

class Bundled {
  @IsHttpUrl() apiBaseUrl = 'https://api.example.com/v1';
  @IsNonEmptyText() clientId = 'client';
  @IsIntBetween(1, 1440) pollMinutes = 15;
  @IsTextList() keywords: string[] = [];
}

/** The decorator stacks the bundles replace, as the connectors wrote them. */
class Stacked {
  @IsUrl(HTTP_URL_OPTIONS) apiBaseUrl = 'https://api.example.com/v1';
  @MinLength(1) @IsString() clientId = 'client';
  @Max(1440) @Min(1) @IsInt() pollMinutes = 15;
  @IsString({ each: true }) @IsArray() keywords: string[] = [];
}

/** What the host reports for a config (connector-instances.ts validates with stopAtFirstError). */
function problems(schema: new () => object, plain: Record<string, unknown>): string[] {
  return validateSync(plainToInstance(schema, plain), { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true }).flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('config fields', () => {
  it('take what the connectors take', () => {
    expect(problems(Bundled, {})).toEqual([]);
    expect(problems(Bundled, { apiBaseUrl: 'http://localhost:8080/api', clientId: 'x', pollMinutes: 1440, keywords: ['coaching'] })).toEqual([]);
  });

  it.each([
    ['apiBaseUrl', 'ftp://files.example.com'],
    ['apiBaseUrl', 'api.example.com'],
    ['apiBaseUrl', 42],
    ['clientId', ''],
    ['clientId', 7],
    ['pollMinutes', 0],
    ['pollMinutes', 1441],
    ['pollMinutes', 2.5],
    ['pollMinutes', '15'],
    ['keywords', 'coaching'],
    ['keywords', ['coaching', 3]],
  ])('refuse %s = %j with the same reason as the stack they replace', (field, value) => {
    const reasons = problems(Bundled, { [field]: value });
    expect(reasons).toHaveLength(1);
    expect(reasons).toEqual(problems(Stacked, { [field]: value }));
  });
});
