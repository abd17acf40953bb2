// Path segments of the events screen: "#/evenements/nouveau", "#/evenements/<id>/modifier".
export const NEW_SEGMENT = 'nouveau';
export const EDIT_SEGMENT = 'modifier';
