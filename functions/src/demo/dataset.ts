import type { DrcProfile } from '../domain/assignment/drcPolicy';
import type { Role } from '../domain/model/roles';

/**
 * The demo organisation: three DRCs with two ROs each, and one user per operator role (the README lists the logins).
 */
export const DEMO_PASSWORD = 'debtx-demo';

export interface DemoUser {
  uid: string;
  email: string;
  displayName: string;
  role: Role;
  drcId: string | null;
}

export const DEMO_DRCS: Omit<DrcProfile, 'openCases' | 'lastAssignedAt'>[] = [
  {
    id: 'drc1',
    name: 'Lanka Recoveries (Pvt) Ltd',
    active: true,
    actions: ['arrears', 'cpe', 'arrears_cpe'],
    regions: [],
    capacity: 500,
    recoveryRate: 0.42,
  },
  {
    id: 'drc2',
    name: 'Southern Credit Solutions',
    active: true,
    actions: ['arrears', 'arrears_cpe'],
    regions: ['Southern', 'Western', 'Sabaragamuwa', 'Uva'],
    capacity: 500,
    recoveryRate: 0.47,
  },
  {
    id: 'drc3',
    name: 'Island Collections & Equipment',
    active: true,
    actions: ['cpe', 'arrears_cpe', 'arrears'],
    regions: ['Northern', 'Eastern', 'North Central', 'North Western', 'Central', 'Western'],
    capacity: 500,
    recoveryRate: 0.38,
  },
];

const user = (key: string, displayName: string, role: Role, drcId: string | null = null): DemoUser => ({
  uid: `demo-${key}`,
  email: `${key}@demo.debtx`,
  displayName,
  role,
  drcId,
});

export const DEMO_USERS: DemoUser[] = [
  user('admin', 'Asela Admin', 'admin'),
  user('officer', 'Oshadi Officer', 'recovery_officer'),
  user('supervisor', 'Sunethra Supervisor', 'supervisor'),
  user('drc1', 'Dinuka (Lanka Recoveries)', 'drc_admin', 'drc1'),
  user('drc2', 'Dilani (Southern Credit)', 'drc_admin', 'drc2'),
  user('drc3', 'Dharshan (Island Collections)', 'drc_admin', 'drc3'),
  user('ro1', 'Roshan Perera', 'ro', 'drc1'),
  user('ro2', 'Rukshani Silva', 'ro', 'drc1'),
  user('ro3', 'Ravindu Jayasinghe', 'ro', 'drc2'),
  user('ro4', 'Reshani Fernando', 'ro', 'drc2'),
  user('ro5', 'Rajkumar Sivapalan', 'ro', 'drc3'),
  user('ro6', 'Rifka Marikkar', 'ro', 'drc3'),
  user('rcmp', 'Chaminda (RCMP desk)', 'rcmp'),
  user('board', 'Mediation Board Desk', 'mediation_board'),
  user('auditor', 'Anoma Auditor', 'auditor'),
];
