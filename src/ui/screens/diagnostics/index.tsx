// Diagnostics: the list (#/diagnostics), a new one (#/diagnostics/nouveau), a diagnostic with
// its results (#/diagnostics/<id>), one of its sections to fill (#/diagnostics/<id>/section/<n>)
// and the comparison of two (#/diagnostics/<id>/comparer?avec=<id>).
import { RecordPageBoundary } from '../../components/RecordPageBoundary';
import type { ScreenProps } from '../../routes';
import { ComparePage } from './ComparePage';
import { DiagnosticList } from './DiagnosticList';
import { DiagnosticOverview } from './DiagnosticOverview';
import { GridEditor } from './GridEditor';
import { GridsPage } from './GridsPage';
import { NewDiagnostic } from './NewDiagnostic';
import { COMPARE_PATH, GRIDS_PATH, NEW_PATH, SECTION_PATH } from './paths';
import { SectionPage } from './SectionPage';

export default function DiagnosticsScreen({ route }: ScreenProps) {
  const [first, second, third] = route.params;
  if (first === undefined) return <DiagnosticList />;
  if (first === GRIDS_PATH) return second ? <GridEditor key={second} templateId={second} /> : <GridsPage />;
  if (first === NEW_PATH) return <NewDiagnostic organisationId={route.query.lieu} visitId={route.query.visite} />;
  if (second === SECTION_PATH)
    return (
      <RecordPageBoundary key={`${first}-${third}`} type="diagnostics" id={first}>
        <SectionPage diagnosticId={first} index={Number(third)} />
      </RecordPageBoundary>
    );
  if (second === COMPARE_PATH)
    return <ComparePage key={`${first}-${route.query.avec}`} diagnosticId={first} otherId={route.query.avec} />;
  return (
    <RecordPageBoundary key={first} type="diagnostics" id={first}>
      <DiagnosticOverview diagnosticId={first} />
    </RecordPageBoundary>
  );
}
