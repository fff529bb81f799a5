import type { InputOf } from '../../../functions/src/domain/contracts';
import type { Language } from '../../../functions/src/domain/model/languages';
import type { Role } from '../../../functions/src/domain/model/roles';
import { roleHasDrc } from '../app/roles';

/** What the invitation form's inputs hold: an empty choice until one is made, an empty DRC for roles without one. */
export interface InviteFormValues {
  email: string;
  displayName: string;
  role: Role | '';
  drcId: string;
}

export function inviteNeedsDrc(role: Role | ''): boolean {
  return role !== '' && roleHasDrc(role);
}

/**
 * The inviteUser input the form's values stand for. A DRC is sent only for roles that have one (a choice left over
 * from another role is dropped); an empty role is passed on for the contract to refuse on the role field.
 */
export function inviteInput(values: InviteFormValues, language: Language): InputOf<'inviteUser'> {
  return {
    email: values.email.trim(),
    displayName: values.displayName,
    // '' is not a role: the contract's enum refuses it with its own message, on this field.
    role: values.role as Role,
    drcId: inviteNeedsDrc(values.role) ? values.drcId || null : null,
    language,
  };
}
