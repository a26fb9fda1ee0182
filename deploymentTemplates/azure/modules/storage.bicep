// The Storage account: one container per store, no public access, TLS 1.2, no shared keys (the bot signs in with
// its managed identity, which gets Storage Blob Data Contributor here), and data protection sized by one number,
// the recovery window W:
//   - versioning keeps the version a write or delete replaces; a lifecycle rule deletes previous versions W days
//     after they were written (so at most W days after they were replaced);
//   - blob soft delete keeps what is deleted (a version the rule removes, or a blob) for W + 1 days;
//   - point-in-time restore can roll containers back W days (Azure requires it to be shorter than soft delete);
//   - container soft delete keeps a deleted container W + 1 days; the change feed (which names blobs, and so user
//     keys) is kept W + 1 days.
// So a record the app deletes is gone for good at most (W + 2) + (W + 1) days later: the lifecycle rule runs once a
// day, hence one day of margin. main.bicep passes that bound to the app as Storage__Blob__SoftDeleteRetentionDays,
// which is what "delete my data" tells the person.
param name string
param location string
param sku string
@description('Principal id of the managed identity that reads and writes the blobs.')
param principalId string
@minValue(1)
@maxValue(30)
param recoveryWindowDays int
param versioning bool
param pointInTimeRestore bool
param deleteLock bool
@description('Private endpoint only: the account refuses every public network caller.')
param privateOnly bool
param workspaceId string
@description('Send blob read/write/delete logs (caller, operation, blob name: user keys, never content) to Log Analytics.')
param accessLogs bool

var containers = [
  'state'
  'journal'
  'safety'
  'references'
  'clinic'
]

// Storage Blob Data Contributor (built-in role).
var blobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

var softDeleteDays = recoveryWindowDays + 1
var restore = versioning && pointInTimeRestore

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  kind: 'StorageV2'
  sku: {
    name: sku
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    publicNetworkAccess: privateOnly ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: privateOnly ? 'Deny' : 'Allow'
      bypass: 'AzureServices'
    }
    accessTier: 'Hot'
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: versioning
    changeFeed: {
      enabled: restore
      retentionInDays: restore ? softDeleteDays : null
    }
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    restorePolicy: {
      enabled: restore
      days: restore ? recoveryWindowDays : null
    }
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for c in containers: {
  parent: blobs
  name: c
  properties: {
    publicAccess: 'None'
  }
}]

// Without this rule versioning would keep every replaced or deleted record forever, and "delete my data" could
// promise no end date.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = if (versioning) {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'previous-versions-end-after-the-recovery-window'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: recoveryWindowDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

// Deleting the account (or its resource group) would lose every journal at once, past any soft delete.
resource lock 'Microsoft.Authorization/locks@2020-05-01' = if (deleteLock) {
  scope: account
  name: 'journals-cannot-be-deleted'
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds every ReflectBot journal. Remove this lock deliberately, after exporting what must be kept.'
  }
}

resource contributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: account
  name: guid(account.id, principalId, blobDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributor)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Capacity and transaction metrics always (the availability alert reads them); blob access logs name the blobs,
// and so the user keys, so they are a parameter (NOTES: what they mean for the privacy text).
resource accountMetrics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: account
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: blobs
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [for category in ['StorageRead', 'StorageWrite', 'StorageDelete']: {
      category: category
      enabled: accessLogs
    }]
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
@description('Each store\'s container, by store name (the app\'s Storage:Blob:StateContainer and Storage:Blob:Containers:<store>).')
output containerNames object = toObject(containers, c => c, c => c)
@description('How long, at most, a record the app deletes stays recoverable (days).')
output deletedDataRecoverableDays int = (versioning ? recoveryWindowDays + 2 : 0) + softDeleteDays
output canReadAndWrite string = contributor.id
