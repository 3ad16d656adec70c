/** Texts of changing one's own password, from the user box. */
import type { TranslationShape } from '../shape';

export const passwordZh = {
  open: '修改密码',
  title: '修改我的密码',
  current: '当前密码',
  next: '新密码',
  nextHint: '至少 8 位。可以用一句话作密码。',
  confirm: '再输一遍新密码',
  currentRequired: '请输入当前密码。',
  tooShort: '新密码至少 8 位。',
  mismatch: '两次输入的新密码不一致。',
  submit: '修改密码',
  saving: '正在修改…',
  done: '密码已修改，下次登录请用新密码。',
  refused: '未能修改密码：{{reason}}',
} as const;

export const passwordEn: TranslationShape<typeof passwordZh> = {
  open: 'Change password',
  title: 'Change my password',
  current: 'Current password',
  next: 'New password',
  nextHint: 'At least 8 characters. A sentence makes a good password.',
  confirm: 'Repeat the new password',
  currentRequired: 'Enter your current password.',
  tooShort: 'The new password needs at least 8 characters.',
  mismatch: 'The two new passwords differ.',
  submit: 'Change password',
  saving: 'Changing…',
  done: 'Password changed: use the new one next time you sign in.',
  refused: 'The password was not changed: {{reason}}',
};
