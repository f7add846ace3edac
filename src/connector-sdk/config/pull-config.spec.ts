import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PullConfig } from './pull-config';

class EveryHalfHour extends PullConfig {
  override pollMinutes = 30;
}

const problems = (plain: Record<string, unknown>) =>
  validateSync(plainToInstance(EveryHalfHour, plain), { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true }).map((e) => e.property);

describe('PullConfig', () => {
  it('gives its defaults, a subclass its own poll interval', () => {
    expect({ ...plainToInstance(PullConfig, {}) }).toEqual({ pollMinutes: 60, timeZone: 'UTC', initialLookbackDays: 30 });
    expect(plainToInstance(EveryHalfHour, {}).pollMinutes).toBe(30);
  });

  it('checks the inherited fields in a subclass', () => {
    expect(problems({ pollMinutes: 10, timeZone: 'Europe/Berlin', initialLookbackDays: 0 })).toEqual([]);
    expect(problems({ pollMinutes: 0, timeZone: 'Mars/Olympus', initialLookbackDays: 3651 })).toEqual(['pollMinutes', 'timeZone', 'initialLookbackDays']);
  });
});
