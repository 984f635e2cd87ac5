// The editor's preview of the details text, as the grant page will show it. The text is not
// sanitised yet (the API does that on save), so it is never injected as HTML: it is parsed
// inertly (DOMParser runs no scripts and loads nothing) and rebuilt as React elements from the
// same allowlist the API keeps — p, br, strong, em, ul, ol, li, h3, h4, and a with http, https
// or mailto links. Anything else contributes only its text.
import { Text } from '@mantine/core';
import { createElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const allowedTags = new Set(['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'h3', 'h4', 'a', 'b', 'i']);
const renamed: Record<string, string> = { b: 'strong', i: 'em' };

function safeHref(href: string | null): string | null {
  if (!href) return null;
  return /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : null;
}

function rebuild(node: Node, key: string): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const element = node as Element;
  const tag = element.tagName.toLowerCase();
  if (tag === 'script' || tag === 'style') return null;
  const children = Array.from(element.childNodes).map((child, index) => rebuild(child, `${key}.${index}`));
  if (!allowedTags.has(tag)) return children;
  if (tag === 'br') return createElement('br', { key });
  if (tag === 'a') {
    const href = safeHref(element.getAttribute('href'));
    return href ? createElement('a', { key, href, target: '_blank', rel: 'noopener noreferrer' }, ...children) : children;
  }
  return createElement(renamed[tag] ?? tag, { key }, ...children);
}

export function DetailsPreview({ html }: { html: string }) {
  const { t } = useTranslation();
  if (!html.trim()) return <Text c="dimmed">{t('grants.noDetails')}</Text>;
  const document = new DOMParser().parseFromString(html, 'text/html');
  return <div className="grant-details">{Array.from(document.body.childNodes).map((child, index) => rebuild(child, String(index)))}</div>;
}
