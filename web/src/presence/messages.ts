import { defineMessages } from '../i18n/defineMessages';

/** This folder's texts in English, Sinhala and Tamil (`{name}` is filled in by t()). */
export const messages = defineMessages({
  en: {
    'presence.holdLimit':
      'You have worked with this customer for a long stretch, so they are free for others for a moment; this page takes them back if nobody else does.',
    'presence.onThisCase': '{name} is working on this case. Recording contacts is paused until they leave.',
    'presence.withCustomer':
      '{name} is working with this customer on another case. Recording contacts is paused until they leave.',
    'presence.someoneWithCustomer':
      'Another user is working with this customer. Recording contacts is paused until they leave.',
  },
  si: {
    'presence.holdLimit':
      'ඔබ දිගු වේලාවක් මෙම පාරිභෝගිකයා සමඟ වැඩ කළ නිසා, මොහොතකට ඔවුන් අන් අයට නිදහස්ය; වෙන කිසිවෙක් නොගන්නේ නම් මෙම පිටුව ඔවුන්ව නැවත ගනී.',
    'presence.onThisCase': '{name} මෙම නඩුවේ වැඩ කරමින් සිටී. ඔවුන් ඉවත් වන තුරු සම්බන්ධතා සටහන් කිරීම නවතා ඇත.',
    'presence.withCustomer': '{name} වෙනත් නඩුවක මෙම පාරිභෝගිකයා සමඟ වැඩ කරමින් සිටී. ඔවුන් ඉවත් වන තුරු සම්බන්ධතා සටහන් කිරීම නවතා ඇත.',
    'presence.someoneWithCustomer':
      'වෙනත් පරිශීලකයෙක් මෙම පාරිභෝගිකයා සමඟ වැඩ කරමින් සිටී. ඔවුන් ඉවත් වන තුරු සම්බන්ධතා සටහන් කිරීම නවතා ඇත.',
  },
  ta: {
    'presence.holdLimit':
      'நீங்கள் இந்த வாடிக்கையாளருடன் நீண்ட நேரம் பணியாற்றியதால், சிறிது நேரம் அவர் மற்றவர்களுக்குக் கிடைக்கிறார்; வேறு யாரும் எடுக்காவிட்டால் இந்தப் பக்கம் அவரை மீண்டும் எடுக்கும்.',
    'presence.onThisCase':
      '{name} இந்த வழக்கில் பணியாற்றுகிறார். அவர் வெளியேறும் வரை தொடர்புகளைப் பதிவு செய்வது இடைநிறுத்தப்பட்டுள்ளது.',
    'presence.withCustomer':
      '{name} இந்த வாடிக்கையாளருடன் வேறொரு வழக்கில் பணியாற்றுகிறார். அவர் வெளியேறும் வரை தொடர்புகளைப் பதிவு செய்வது இடைநிறுத்தப்பட்டுள்ளது.',
    'presence.someoneWithCustomer':
      'வேறொரு பயனர் இந்த வாடிக்கையாளருடன் பணியாற்றுகிறார். அவர் வெளியேறும் வரை தொடர்புகளைப் பதிவு செய்வது இடைநிறுத்தப்பட்டுள்ளது.',
  },
});
