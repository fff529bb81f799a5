import { defineMessages } from '../i18n/defineMessages';

/** This folder's texts in English, Sinhala and Tamil (`{name}` is filled in by t()). */
export const messages = defineMessages({
  en: {
    'signIn.title': 'Sign in to DebtX',
    'signIn.email': 'Email',
    'signIn.password': 'Password',
    'signIn.submit': 'Sign in',
    'signIn.pending': 'Signing in…',
    'signIn.demoTitle': 'Demo logins',
    'signIn.demoPassword': 'Every demo account has the password {password}.',
    'signIn.useLogin': 'Use {email}',
  },
  si: {
    'signIn.title': 'DebtX වෙත පිවිසෙන්න',
    'signIn.email': 'විද්‍යුත් තැපෑල',
    'signIn.password': 'මුරපදය',
    'signIn.submit': 'පිවිසෙන්න',
    'signIn.pending': 'පිවිසෙමින්…',
    'signIn.demoTitle': 'ආදර්ශ පිවිසුම්',
    'signIn.demoPassword': 'සෑම ආදර්ශ ගිණුමකම මුරපදය {password} වේ.',
    'signIn.useLogin': '{email} භාවිත කරන්න',
  },
  ta: {
    'signIn.title': 'DebtX இல் உள்நுழைக',
    'signIn.email': 'மின்னஞ்சல்',
    'signIn.password': 'கடவுச்சொல்',
    'signIn.submit': 'உள்நுழைக',
    'signIn.pending': 'உள்நுழைகிறது…',
    'signIn.demoTitle': 'மாதிரி உள்நுழைவுகள்',
    'signIn.demoPassword': 'ஒவ்வொரு மாதிரி கணக்கின் கடவுச்சொல்லும் {password}.',
    'signIn.useLogin': '{email} ஐப் பயன்படுத்து',
  },
});
