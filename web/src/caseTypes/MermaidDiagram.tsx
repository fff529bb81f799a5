import { useEffect, useId, useState } from 'react';
import { t } from '../i18n/t';

type Mermaid = (typeof import('mermaid'))['default'];

let loading: Promise<Mermaid> | null = null;

/** Mermaid is big: it is fetched only when a diagram is first shown, and set up once. */
function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then(
    ({ default: mermaid }) => {
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        theme: 'default',
        // Failures are shown by this screen, not as an error picture Mermaid adds to the page.
        suppressErrorRendering: true,
        // Natural size in the SVG: the screen fits it to the width, or shows it actual size, scrolling.
        state: { useMaxWidth: false },
      });
      return mermaid;
    },
    (error: unknown) => {
      loading = null; // a failed chunk download may succeed next time
      throw error;
    },
  );
  return loading;
}

let renders = 0;

type Outcome = { source: string } & ({ status: 'drawn'; svg: string } | { status: 'failed'; message: string });

interface MermaidDiagramProps {
  source: string;
  /** What the picture shows, for screen readers. */
  label: string;
}

/** A Mermaid diagram drawn to SVG, with its source underneath; if drawing fails, the error and the source. */
export function MermaidDiagram({ source, label }: MermaidDiagramProps) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [actualSize, setActualSize] = useState(false);
  const baseId = useId().replace(/[^A-Za-z0-9_-]/g, '');
  // An outcome for an earlier source is not shown: the new one is still being drawn.
  const state = outcome?.source === source ? outcome : { status: 'drawing' as const };

  useEffect(() => {
    let cancelled = false;
    loadMermaid()
      .then((mermaid) => mermaid.render(`mermaid-${baseId}-${++renders}`, source))
      .then(
        ({ svg }) => {
          if (!cancelled) setOutcome({ source, status: 'drawn', svg });
        },
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          if (!cancelled) setOutcome({ source, status: 'failed', message });
        },
      );
    return () => {
      cancelled = true;
    };
  }, [source, baseId]);

  return (
    <figure className="diagram">
      {state.status === 'drawing' && (
        <p role="status" className="loading">
          {t('caseType.drawing')}
        </p>
      )}
      {state.status === 'failed' && (
        <div className="form-error" role="alert" data-testid="case-type-diagram-error">
          <p>{t('caseType.diagramFailed')}</p>
          <pre className="diagram-error">{state.message}</pre>
        </div>
      )}
      {state.status === 'drawn' && (
        <button
          type="button"
          className="secondary diagram-zoom"
          aria-pressed={actualSize}
          data-testid="case-type-diagram-zoom"
          onClick={() => setActualSize((a) => !a)}
        >
          {t('caseType.actualSize')}
        </button>
      )}
      {state.status === 'drawn' && (
        <div
          className={`diagram-scroll${actualSize ? '' : ' diagram-fit'}`}
          role="img"
          aria-label={label}
          tabIndex={0}
          data-testid="case-type-diagram"
          // Mermaid's own output, sanitised by it (securityLevel 'strict'), from configuration text.
          dangerouslySetInnerHTML={{ __html: state.svg }}
        />
      )}
      <details className="diagram-source" data-testid="case-type-source" open={state.status === 'failed' || undefined}>
        <summary>{t('caseType.source')}</summary>
        <pre>
          <code>{source}</code>
        </pre>
      </details>
    </figure>
  );
}
