/**
 * The Functions SDK appends the HTTP status to a server's message (`Please correct the templates. [400]`): a code
 * for developers, noise to a user. The message without it.
 */
export function withoutHttpStatus(message: string): string {
  return message.replace(/ \[\d{3}\]$/, '');
}
