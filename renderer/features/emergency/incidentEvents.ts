/** Fired on the window when an incident is declared or closed or a dispatch is linked: the banner reloads. */
export const incidentChangedEvent = 'relief-reserve:incident-changed';

export function announceIncidentChange(): void {
  window.dispatchEvent(new Event(incidentChangedEvent));
}

/** The shortcut to quick dispatch, from anywhere in the app. */
export const quickDispatchKey = 'F2';
