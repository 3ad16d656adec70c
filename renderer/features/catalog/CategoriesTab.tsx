import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Category } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { call, errorText } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { formatNumber } from '../../components/format';
import { categoryLabel } from './categoryLabel';
import { RecordsFrame } from './RecordsFrame';
import { noRefusal, refusalDetail, refusedFields, useFocusFirstInvalid, type Refusal } from './refusal';
import { byText, useRecords } from './useRecords';
import { useInFlight } from './useInFlight';

type CategoryField = 'code' | 'name' | 'parent';

const byCode = (a: Category, b: Category) => byText(a.code, b.code);

interface TreeNode {
  category: Category;
  children: TreeNode[];
}

/** The flat list (in code order) as a tree; a category whose parent is missing shows at the top. */
function categoryTree(rows: Category[]): TreeNode[] {
  const nodes = new Map(rows.map((c): [string, TreeNode] => [c.id, { category: c, children: [] }]));
  const roots: TreeNode[] = [];
  for (const c of rows) {
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    (parent ? parent.children : roots).push(nodes.get(c.id)!);
  }
  return roots;
}

function explainCategoryRefusal(t: TFunction, error: AppError): Refusal<CategoryField> {
  const paths = refusedFields(error);
  if (paths) {
    const fields: Refusal<CategoryField>['fields'] = {};
    for (const path of paths) {
      if (path === 'code') fields.code = t('catalog.categories.errors.code');
      if (path === 'name') fields.name = t('catalog.categories.errors.name');
      if (path === 'parentId') fields.parent = t('catalog.categories.errors.parent');
    }
    if (Object.keys(fields).length > 0) return { fields, form: null };
  }
  switch (error.code) {
    case 'duplicate-code':
      return {
        fields: { code: t('catalog.categories.errors.duplicateCode', { code: refusalDetail(error, 'code') ?? '' }) },
        form: null,
      };
    case 'invalid-category':
      return { fields: { parent: errorText(t, error) }, form: null };
    case 'not-found':
      return { fields: { parent: t('catalog.categories.errors.parent') }, form: null };
    default:
      return { fields: {}, form: t('catalog.saveFailed', { reason: errorText(t, error) }) };
  }
}

/** '' lets the backend find the parent from a GB/T 38565 code; 'none' makes a top-level category. */
type ParentChoice = '' | 'none' | string;

interface CategoryDialogProps {
  open: boolean;
  /** The category to rename; null to create one. */
  category: Category | null;
  categories: Category[];
  onClose(): void;
  onSaved(category: Category, created: boolean): void;
}

/** Creating a category (its parent found from its code, or chosen), or renaming one. */
function CategoryDialog({ open, category, categories, onClose, onSaved }: CategoryDialogProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState(category?.code ?? '');
  const [name, setName] = useState(category?.name ?? '');
  const [parent, setParent] = useState<ParentChoice>('');
  const [refusal, setRefusal] = useState<Refusal<CategoryField>>(noRefusal);
  const { busy, run } = useInFlight();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, refusal);
  const formId = `catalog-category-form-${category?.id ?? 'new'}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await run(async () => {
      const result = await call(
        'catalog:save-category',
        category
          ? // A rename keeps the code and the place in the tree as they are.
            { id: category.id, code: category.code, name, parentId: category.parentId }
          : { code, name, ...(parent === '' ? {} : { parentId: parent === 'none' ? null : parent }) },
      );
      if (result.ok) onSaved(result.value, !category);
      else setRefusal(explainCategoryRefusal(t, result.error));
    });
  }

  const problem = refusal.fields;
  return (
    <Dialog
      title={
        category ? t('catalog.categories.renameTitle', { code: category.code }) : t('catalog.categories.createTitle')
      }
      open={open}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('common.actions.cancel')}
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={busy}>
            {busy ? t('catalog.saving') : t('common.actions.save')}
          </button>
        </>
      }
    >
      <form ref={form} id={formId} className="catalog-form-stack" noValidate onSubmit={(e) => void submit(e)}>
        {!category && (
          <Field label={t('catalog.categories.code')} hint={t('catalog.categories.codeHint')} error={problem.code}>
            <input
              className="input catalog-code-input"
              type="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={32}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </Field>
        )}
        <Field label={t('catalog.categories.name')} error={problem.name}>
          <input
            className="input"
            type="text"
            autoComplete="off"
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        {!category && (
          <Field label={t('catalog.categories.parent')} error={problem.parent}>
            <select className="input" value={parent} onChange={(e) => setParent(e.target.value)}>
              <option value="">{t('catalog.categories.parentAuto')}</option>
              <option value="none">{t('catalog.categories.parentNone')}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {categoryLabel(c)}
                </option>
              ))}
            </select>
          </Field>
        )}
        {refusal.form && (
          <p className="notice-error" role="alert">
            {refusal.form}
          </p>
        )}
      </form>
    </Dialog>
  );
}

function TreeLevel({ nodes, label, onRename }: { nodes: TreeNode[]; label?: string; onRename(c: Category): void }) {
  const { t } = useTranslation();
  return (
    <ul className="catalog-tree-level" aria-label={label}>
      {nodes.map(({ category: c, children }) => (
        <li key={c.id}>
          <div className="catalog-tree-row">
            <span className="catalog-code catalog-tree-code">{c.code}</span>
            <span className="catalog-tree-name">{c.name}</span>
            <span className="catalog-muted catalog-tree-level-name">
              {t('catalog.categories.level', { level: c.level })}
            </span>
            <button
              type="button"
              className="button button-quiet catalog-small-button"
              aria-label={t('catalog.categories.renameLabel', { code: c.code, name: c.name })}
              onClick={() => onRename(c)}
            >
              {t('catalog.categories.rename')}
            </button>
          </div>
          {children.length > 0 && <TreeLevel nodes={children} onRename={onRename} />}
        </li>
      ))}
    </ul>
  );
}

/** 分类: the category tree, indented by level, GB/T 38565 codes placing themselves under their parent. */
export function CategoriesTab() {
  const { t } = useTranslation();
  const categories = useRecords('catalog:list-categories', byCode);
  const [dialog, setDialog] = useState<{ key: number; category: Category | null; open: boolean }>({
    key: 0,
    category: null,
    open: false,
  });
  const [announcement, setAnnouncement] = useState('');
  const tree = useMemo(() => categoryTree(categories.rows ?? []), [categories.rows]);
  const open = (category: Category | null) => {
    setAnnouncement('');
    setDialog((d) => ({ key: d.key + 1, category, open: true }));
  };

  function saved(category: Category, created: boolean) {
    categories.put(category);
    setDialog((d) => ({ ...d, open: false }));
    const parent = categories.rows?.find((c) => c.id === category.parentId);
    if (!created) setAnnouncement(t('catalog.categories.renamed', { code: category.code, name: category.name }));
    else if (parent) {
      setAnnouncement(
        t('catalog.categories.createdUnder', {
          code: category.code,
          name: category.name,
          parentCode: parent.code,
          parentName: parent.name,
        }),
      );
    } else setAnnouncement(t('catalog.categories.createdTop', { code: category.code, name: category.name }));
  }

  const toolbar = (
    <>
      <span className="catalog-count" role="status">
        {categories.rows ? t('catalog.count', { n: formatNumber(categories.rows.length) }) : ''}
      </span>
      <span className="catalog-announcement" role="status">
        {announcement}
      </span>
      <div className="catalog-toolbar-actions">
        <button type="button" className="button button-primary" onClick={() => open(null)}>
          {t('catalog.categories.create')}
        </button>
      </div>
    </>
  );

  return (
    <>
      <RecordsFrame
        toolbar={toolbar}
        rows={categories.rows}
        problem={categories.problem}
        emptyText={t('catalog.categories.empty')}
        onRetry={categories.reload}
      >
        <div className="catalog-tree">
          <TreeLevel nodes={tree} label={t('catalog.categories.treeLabel')} onRename={open} />
        </div>
      </RecordsFrame>
      <CategoryDialog
        key={dialog.key}
        open={dialog.open}
        category={dialog.category}
        categories={categories.rows ?? []}
        onClose={() => setDialog((d) => ({ ...d, open: false }))}
        onSaved={saved}
      />
    </>
  );
}
