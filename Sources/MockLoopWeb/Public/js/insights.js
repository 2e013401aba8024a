// Weeks start on Monday in the reader's own time zone: the insights form sends the browser's.
try {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const field = document.getElementById('i-tz');
  if (zone && field) field.value = zone;
} catch (e) {
  // An old browser without Intl: the server's zone stands.
}
