import { defineMessages } from '../i18n/defineMessages';

/** This folder's texts in English, Sinhala and Tamil (`{name}` is filled in by t()). */
export const messages = defineMessages({
  en: {
    'register.title': 'Register a case',
    'register.intro':
      'Enter the account number and what the DRC should collect. Customer, products and CPE come from the source systems.',
    'register.account': 'Account number',
    'register.accountHint': '10 digits, e.g. 0041234567',
    'register.action': 'Required action',
    'register.submit': 'Register case',
    'register.pending': 'Registering…',
    'register.done': 'Case registered.',
    'register.open': 'Open case {account}',
  },
  si: {
    'register.title': 'නඩුවක් ලියාපදිංචි කරන්න',
    'register.intro': 'ගිණුම් අංකය සහ DRC විසින් එකතු කළ යුතු දේ ඇතුළත් කරන්න. පාරිභෝගිකයා, නිෂ්පාදන සහ CPE මූලාශ්‍ර පද්ධතිවලින් ලැබේ.',
    'register.account': 'ගිණුම් අංකය',
    'register.accountHint': 'ඉලක්කම් 10, උදා. 0041234567',
    'register.action': 'අවශ්‍ය ක්‍රියාව',
    'register.submit': 'නඩුව ලියාපදිංචි කරන්න',
    'register.pending': 'ලියාපදිංචි කරමින්…',
    'register.done': 'නඩුව ලියාපදිංචි විය.',
    'register.open': '{account} නඩුව විවෘත කරන්න',
  },
  ta: {
    'register.title': 'வழக்கைப் பதிவுசெய்',
    'register.intro':
      'கணக்கு எண்ணையும் DRC வசூலிக்க வேண்டியதையும் உள்ளிடவும். வாடிக்கையாளர், தயாரிப்புகள், CPE ஆகியவை மூல அமைப்புகளிலிருந்து வரும்.',
    'register.account': 'கணக்கு எண்',
    'register.accountHint': '10 இலக்கங்கள், எ.கா. 0041234567',
    'register.action': 'தேவையான செயல்',
    'register.submit': 'வழக்கைப் பதிவுசெய்',
    'register.pending': 'பதிவுசெய்கிறது…',
    'register.done': 'வழக்கு பதிவுசெய்யப்பட்டது.',
    'register.open': '{account} வழக்கைத் திற',
  },
});
