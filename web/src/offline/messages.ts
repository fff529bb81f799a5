import { defineMessages } from '../i18n/defineMessages';

/** This folder's texts in English, Sinhala and Tamil (`{name}` is filled in by t()). */
export const messages = defineMessages({
  en: {
    'offline.savedJustNow': 'Saved on this device just now.',
    'offline.savedMinutes': 'Saved on this device {count} minute(s) ago.',
    'offline.savedHours': 'Saved on this device {count} hour(s) ago.',
    'offline.savedDays': 'Saved on this device {count} day(s) ago.',
    'offline.youAreOffline':
      'You are offline. What you record is saved on this device and sent when you are back online.',
    'offline.waiting': '{count} action(s) waiting to be sent.',
    'offline.sending': 'Sending {count} saved action(s)…',
    'offline.refused': 'Not applied: {label} on case {caseId}.',
    'offline.typed': 'What you entered: {values}',
    'offline.retry': 'Send again with the case as it is now',
    'offline.discard': 'Discard',
    'offline.queued': 'You are offline. Saved on this device; it will be sent, in order, when you are back online.',
  },
  si: {
    'offline.savedJustNow': 'දැන් මෙම උපාංගයේ සුරැකිණි.',
    'offline.savedMinutes': 'මිනිත්තු {count}කට පෙර මෙම උපාංගයේ සුරැකිණි.',
    'offline.savedHours': 'පැය {count}කට පෙර මෙම උපාංගයේ සුරැකිණි.',
    'offline.savedDays': 'දින {count}කට පෙර මෙම උපාංගයේ සුරැකිණි.',
    'offline.youAreOffline': 'ඔබ නොබැඳි තත්ත්වයේ සිටී. ඔබ සටහන් කරන දේ මෙම උපාංගයේ සුරැකී, නැවත සම්බන්ධ වූ විට යවනු ලැබේ.',
    'offline.waiting': 'යැවීමට බලා සිටින ක්‍රියා {count}.',
    'offline.sending': 'සුරැකූ ක්‍රියා {count} යවමින්…',
    'offline.refused': 'යෙදුණේ නැත: {caseId} නඩුවේ {label}.',
    'offline.typed': 'ඔබ ඇතුළත් කළ දේ: {values}',
    'offline.retry': 'නඩුවේ වර්තමාන තත්ත්වය සමඟ නැවත යවන්න',
    'offline.discard': 'ඉවත ලන්න',
    'offline.queued': 'ඔබ නොබැඳි තත්ත්වයේ සිටී. මෙම උපාංගයේ සුරැකිණි; නැවත සම්බන්ධ වූ විට පිළිවෙළින් යවනු ලැබේ.',
  },
  ta: {
    'offline.savedJustNow': 'இப்போதுதான் இந்தச் சாதனத்தில் சேமிக்கப்பட்டது.',
    'offline.savedMinutes': '{count} நிமிடங்களுக்கு முன் இந்தச் சாதனத்தில் சேமிக்கப்பட்டது.',
    'offline.savedHours': '{count} மணிநேரத்துக்கு முன் இந்தச் சாதனத்தில் சேமிக்கப்பட்டது.',
    'offline.savedDays': '{count} நாட்களுக்கு முன் இந்தச் சாதனத்தில் சேமிக்கப்பட்டது.',
    'offline.youAreOffline':
      'நீங்கள் இணைப்பில் இல்லை. நீங்கள் பதிவு செய்வது இந்தச் சாதனத்தில் சேமிக்கப்பட்டு, மீண்டும் இணைந்ததும் அனுப்பப்படும்.',
    'offline.waiting': 'அனுப்பக் காத்திருக்கும் செயல்(கள்): {count}.',
    'offline.sending': 'சேமித்த {count} செயல்(கள்) அனுப்பப்படுகின்றன…',
    'offline.refused': 'செயல்படுத்தப்படவில்லை: வழக்கு {caseId} இல் {label}.',
    'offline.typed': 'நீங்கள் உள்ளிட்டது: {values}',
    'offline.retry': 'வழக்கின் தற்போதைய நிலையுடன் மீண்டும் அனுப்பு',
    'offline.discard': 'நீக்கு',
    'offline.queued': 'நீங்கள் இணைப்பில் இல்லை. இந்தச் சாதனத்தில் சேமிக்கப்பட்டது; மீண்டும் இணைந்ததும் வரிசைப்படி அனுப்பப்படும்.',
  },
});
