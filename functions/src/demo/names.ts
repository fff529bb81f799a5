/**
 * Word lists for generated demo people. Names are combined at random from common given names and
 * surnames, so they are plausible but belong to no real person; phone numbers use the 07x mobile
 * ranges with random digits, and street numbers and lanes are made up.
 */
export const GIVEN_NAMES = [
  'Nimal', 'Kamal', 'Sunil', 'Chaminda', 'Ruwan', 'Saman', 'Kasun', 'Dilshan', 'Tharindu', 'Nuwan',
  'Chathura', 'Lahiru', 'Isuru', 'Pradeep', 'Mahesh', 'Anura', 'Gayan', 'Sampath', 'Dinesh', 'Roshan',
  'Kumari', 'Nadeesha', 'Sanduni', 'Dilini', 'Chamari', 'Ishara', 'Madhavi', 'Nirosha', 'Thilini', 'Hasini',
  'Suresh', 'Rajan', 'Kumaran', 'Sivakumar', 'Thevaki', 'Vani', 'Priya', 'Ganesh', 'Murugan', 'Lakshmi',
  'Mohamed', 'Fathima', 'Rizwan', 'Aysha', 'Imran', 'Farook', 'Shahana', 'Nazeer',
];

export const SURNAMES = [
  'Perera', 'Fernando', 'Silva', 'de Silva', 'Jayasinghe', 'Bandara', 'Wickramasinghe', 'Rajapaksha',
  'Gunawardena', 'Herath', 'Dissanayake', 'Ranasinghe', 'Weerasinghe', 'Kumara', 'Senanayake', 'Jayawardena',
  'Karunaratne', 'Samarasinghe', 'Ekanayake', 'Wijesinghe', 'Abeysekera', 'Amarasinghe', 'Liyanage',
  'Sivapalan', 'Rajaratnam', 'Selvarajah', 'Nadarajah', 'Thiyagarajah', 'Kandiah', 'Shanmugam',
  'Marikkar', 'Cassim', 'Hameed', 'Ismail', 'Lebbe',
];

/** Towns with their province (the region DRCs are contracted for). */
export const TOWNS: { town: string; region: string }[] = [
  { town: 'Colombo 05', region: 'Western' }, { town: 'Dehiwala', region: 'Western' },
  { town: 'Nugegoda', region: 'Western' }, { town: 'Gampaha', region: 'Western' },
  { town: 'Negombo', region: 'Western' }, { town: 'Panadura', region: 'Western' },
  { town: 'Kandy', region: 'Central' }, { town: 'Matale', region: 'Central' },
  { town: 'Nuwara Eliya', region: 'Central' }, { town: 'Galle', region: 'Southern' },
  { town: 'Matara', region: 'Southern' }, { town: 'Hambantota', region: 'Southern' },
  { town: 'Jaffna', region: 'Northern' }, { town: 'Vavuniya', region: 'Northern' },
  { town: 'Batticaloa', region: 'Eastern' }, { town: 'Trincomalee', region: 'Eastern' },
  { town: 'Kurunegala', region: 'North Western' }, { town: 'Chilaw', region: 'North Western' },
  { town: 'Anuradhapura', region: 'North Central' }, { town: 'Polonnaruwa', region: 'North Central' },
  { town: 'Badulla', region: 'Uva' }, { town: 'Ratnapura', region: 'Sabaragamuwa' },
];

export const STREETS = [
  'Temple Road', 'Station Road', 'Galle Road', 'Kandy Road', 'Lake Drive', 'School Lane', 'Hospital Road',
  'Church Street', 'Main Street', 'Market Road', 'Park Avenue', 'Flower Road', 'Hill Street', 'Canal Road',
];

export const PRODUCT_KINDS = ['Fibre broadband', 'ADSL broadband', 'PEO TV', 'Voice (fixed line)', '4G LTE home'];
export const CPE_KINDS: Record<string, string> = {
  'Fibre broadband': 'ONT router',
  'ADSL broadband': 'ADSL router',
  'PEO TV': 'Set-top box',
  'Voice (fixed line)': 'Telephone set',
  '4G LTE home': 'LTE router',
};
