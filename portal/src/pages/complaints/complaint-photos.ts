import { OPEN_STATUSES } from '../../../../api/src/complaints/complaint-lifecycle';
import { COMPLAINT_ATTACHMENT_LIMITS } from '../../../../api/src/documents/document-view.types';
import { announce } from '../../a11y/announcer';
import type { Complaint } from '../../api/complaints';
import { listComplaintFiles, uploadComplaintFile, type StoredDocument } from '../../api/documents';
import { sessionEnded } from '../../auth/session-ended';
import { onLiveEvent, onLiveResumed } from '../../live/live-events';
import type { CityPageContext } from '../page';
import { whenRemoved } from '../page-lifetime';
import { documentStateText } from '../documents/document-rendering';
import { uploadBlock } from '../documents/requirement-upload';

/** Media types as people know them. */
const typeNames: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG' };

/**
 * The photos (or documents) of a complaint, for its filer: each file with its state as it is checked for viruses,
 * and, while the complaint is open, the field that adds another, up to the API's limit. Shown after filing and on
 * the complaint's page; a complaint's case number comes first, so a photo that fails never costs the complaint.
 */
export function complaintPhotos(complaint: Pick<Complaint, 'id' | 'status'>, context: CityPageContext): HTMLElement {
  const { t, language, format } = context;
  const { maxFiles, maxBytes, mediaTypes } = COMPLAINT_ATTACHMENT_LIMITS;
  const editable = OPEN_STATUSES.includes(complaint.status);
  const intercept = sessionEnded(context);
  let shown: StoredDocument[] | null = null;

  const block = uploadBlock(
    {
      id: 'complaint-photos',
      name: { text: t('complaints:photos.heading'), lang: language },
      headingLevel: 'h2',
      accepts: t('complaints:photos.accepts', {
        count: maxFiles,
        types: format.alternatives(mediaTypes.map((type) => typeNames[type] ?? type)),
        size: format.fileSize(maxBytes),
      }),
      mimeTypes: mediaTypes,
      send: (file, events) => uploadComplaintFile(complaint.id, file, events, { language }),
      maxFiles: { count: maxFiles, fullText: t('complaints:photos.full', { count: maxFiles }) },
      networkFailed: t('complaints:photos.networkFailed'),
      changed: () => load(),
    },
    context,
  );

  const load = () => {
    listComplaintFiles(complaint.id, { language }).then(
      (files) => {
        const previous = shown;
        shown = files;
        block.showFiles(files, editable);
        if (!previous) return;
        // Said politely: each file whose state changed (checked, or rejected as malware).
        const changes = files.flatMap((file) => {
          const before = previous.find((candidate) => candidate.id === file.id);
          return before && before.state !== file.state
            ? [t('documents:submission.stateChanged', { name: file.name, state: documentStateText(file, context) })]
            : [];
        });
        if (changes.length > 0) announce(changes.join(' '));
      },
      (error: unknown) => {
        if (!intercept(error)) announce(t('complaints:photos.loadFailed'));
      },
    );
  };

  const stops = [
    onLiveEvent('document.state', (event) => {
      if (shown?.some((file) => file.id === event.id)) load();
    }),
    onLiveResumed(load),
  ];
  whenRemoved(block.root, () => {
    for (const stop of stops) stop();
    block.stop();
  });
  block.root.classList.add('complaint-photos');
  load();
  return block.root;
}
