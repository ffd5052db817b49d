import { describe, expect, it } from 'vitest';
import { connectionLostMessage } from './user-error';

describe('connectionLostMessage', () => {
  it('explains a database that went away, without the error itself', () => {
    for (const code of ['CONNECTION_CLOSED', 'ECONNREFUSED', '57P01', 'CONNECTION_DESTROYED']) {
      const message = connectionLostMessage(
        Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), { code }),
      );
      expect(message, code).toContain(`(${code})`);
      expect(message, code).toContain('nothing of the file in progress was written');
      expect(message, code).not.toContain('127.0.0.1');
    }
  });

  it('leaves other errors alone', () => {
    expect(connectionLostMessage(new Error('bug'))).toBeNull();
    expect(connectionLostMessage(Object.assign(new Error('syntax'), { code: '42601' }))).toBeNull();
    expect(connectionLostMessage(null)).toBeNull();
  });
});
