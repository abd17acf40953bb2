// Being written: replaced in the next commits.
export default function Pending(_props: { visitId: string | null; resume?: boolean }) {
  return null;
}
